package io.shipbridge.storage;

import static io.shipbridge.storage.Attrs.s;
import static io.shipbridge.storage.Attrs.string;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Documents the seller edits without a deploy, such as the carrier rule set, stored as text by name. */
public final class SettingsStore {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public SettingsStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public Optional<String> get(String name) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).key(key(name))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(string(item, "document"));
    }

    public void put(String name, String document) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(name));
        item.put("document", s(document));
        dynamoDb.putItem(p -> p.tableName(table).item(item));
    }

    /** Removes the document: whoever reads it falls back to the defaults. */
    public void remove(String name) {
        dynamoDb.deleteItem(d -> d.tableName(table).key(key(name)));
    }

    private static Map<String, AttributeValue> key(String name) {
        return Map.of(Keys.PK, s("CONFIG"), Keys.SK, s(name));
    }
}

package io.shipbridge.storage;

import static io.shipbridge.storage.Attrs.s;
import static io.shipbridge.storage.Attrs.string;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** The seller's SKU catalog: unit weight by SKU (Mirakl orders carry no weight). */
public final class SkuCatalogStore {
    private static final int BATCH_GET_LIMIT = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public SkuCatalogStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public void put(String sku, BigDecimal weightKg) {
        dynamoDb.putItem(p -> p.tableName(table).item(Map.of(Keys.PK, s("SKU#" + sku), Keys.SK, s("SKU"),
                "sku", s(sku), "weightKg", AttributeValue.fromN(weightKg.toPlainString()))));
    }

    /** Weights of the SKUs the catalog knows; unknown SKUs are simply absent from the result. */
    public Map<String, BigDecimal> weights(Collection<String> skus) {
        Map<String, BigDecimal> weights = new HashMap<>();
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(skus));
        for (int start = 0; start < distinct.size(); start += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = distinct.subList(start,
                    Math.min(start + BATCH_GET_LIMIT, distinct.size())).stream()
                    .map(sku -> Map.of(Keys.PK, s("SKU#" + sku), Keys.SK, s("SKU"))).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> pending = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(pending));
                response.responses().getOrDefault(table, List.of()).forEach(item ->
                        weights.put(string(item, "sku"), new BigDecimal(item.get("weightKg").n())));
                request = response.unprocessedKeys();
            }
        }
        return weights;
    }
}

package io.shipbridge.local.iam;

import java.util.List;
import java.util.Map;

/**
 * One statement of an identity-based policy, its intrinsics already resolved to the deployment's values.
 *
 * @param conditions operator (e.g. {@code ForAllValues:StringLike}) to condition key to the values it allows
 */
public record Statement(String sid, boolean allow, List<String> actions, List<String> resources,
        Map<String, Map<String, List<String>>> conditions) {

    public Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = Map.copyOf(conditions);
    }

    /** The patterns this statement's condition puts on a key, or an empty list when it puts none. */
    public List<String> patternsFor(String conditionKey) {
        return conditions.values().stream().filter(keys -> keys.containsKey(conditionKey))
                .flatMap(keys -> keys.get(conditionKey).stream()).toList();
    }
}

package io.shipbridge.local.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides a function's AWS calls as IAM decides an identity-based policy: allowed when an Allow statement matches the
 * action, the resource and all its conditions, and no Deny statement matches. Records what it allowed (by the grant
 * that allowed it, so what a function used can be set against what its policy grants) and what it denied.
 */
public final class PolicyEvaluator {
    private static final int DENIALS_KEPT = 200;

    /**
     * A grant used: the statement (by its Sid), the action, the statement's resource pattern that matched, and the
     * {@code dynamodb:LeadingKeys} pattern each key matched ({@code null} for a call without keys).
     */
    public record Use(String sid, String action, String resourcePattern, String leadingKeyPattern) {
    }

    /** A call refused, with AWS's words for it. */
    public record Denial(AwsCall call, String message) {
    }

    private final FunctionPolicy policy;
    private final String principal;
    private final Set<Use> uses = ConcurrentHashMap.newKeySet();
    private final List<Denial> denials = new ArrayList<>();
    private final AtomicLong denied = new AtomicLong();

    public PolicyEvaluator(FunctionPolicy policy, String principal) {
        this.policy = policy;
        this.principal = principal;
    }

    public FunctionPolicy policy() {
        return policy;
    }

    /** The denial message when the call is refused, empty when it is allowed (the grants it used recorded). */
    public Optional<String> evaluate(AwsCall call) {
        List<Use> used = new ArrayList<>();
        boolean allowed = false;
        for (Statement statement : policy.statements()) {
            Optional<List<Use>> match = match(statement, call);
            if (match.isPresent() && !statement.allow()) {
                return deny(call, "with an explicit deny in an identity-based policy");
            }
            if (match.isPresent() && !allowed) {
                allowed = true;
                used = match.get();
            }
        }
        if (!allowed) {
            return deny(call, "because no identity-based policy allows the " + call.action() + " action");
        }
        uses.addAll(used);
        return Optional.empty();
    }

    private Optional<String> deny(AwsCall call, String because) {
        String message = "User: " + principal + " is not authorized to perform: " + call.action() + " on resource: "
                + call.resource() + " " + because;
        denied.incrementAndGet();
        synchronized (denials) {
            if (denials.size() < DENIALS_KEPT) {
                denials.add(new Denial(call, message));
            }
        }
        return Optional.of(message);
    }

    /** The grants the statement gives the call, or empty when it does not apply to it. */
    private static Optional<List<Use>> match(Statement statement, AwsCall call) {
        Optional<String> action = statement.actions().stream()
                .filter(pattern -> Wildcards.matchesIgnoringCase(pattern, call.action())).findFirst();
        Optional<String> resource = statement.resources().stream()
                .filter(pattern -> Wildcards.matches(pattern, call.resource())).findFirst();
        if (action.isEmpty() || resource.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<String, Map<String, List<String>>> operator : statement.conditions().entrySet()) {
            for (Map.Entry<String, List<String>> key : operator.getValue().entrySet()) {
                if (!holds(operator.getKey(), key.getValue(), call.context().get(key.getKey()))) {
                    return Optional.empty();
                }
            }
        }
        List<String> keyPatterns = statement.patternsFor(AwsCall.LEADING_KEYS);
        List<Use> used = new ArrayList<>();
        if (call.leadingKeys().isEmpty() || keyPatterns.isEmpty()) {
            used.add(new Use(statement.sid(), call.action(), resource.get(), null));
        } else {
            for (String key : call.leadingKeys()) {
                keyPatterns.stream().filter(pattern -> Wildcards.matches(pattern, key)).findFirst()
                        .ifPresent(pattern -> used.add(new Use(statement.sid(), call.action(), resource.get(),
                                pattern)));
            }
        }
        return Optional.of(used);
    }

    /**
     * One condition, as IAM evaluates it: a single-valued operator needs the key present and one of its values
     * matching; {@code ForAllValues} holds when every value the request has matches (and, as in IAM, when it has
     * none); {@code ForAnyValue} when at least one does.
     */
    static boolean holds(String operator, List<String> allowed, List<String> values) {
        boolean like = operator.endsWith("StringLike");
        java.util.function.Predicate<String> matches = value -> allowed.stream()
                .anyMatch(pattern -> like ? Wildcards.matches(pattern, value) : pattern.equals(value));
        if (operator.startsWith("ForAllValues:")) {
            return values == null || values.stream().allMatch(matches);
        }
        if (values == null || values.isEmpty()) {
            return false;
        }
        return operator.startsWith("ForAnyValue:") ? values.stream().anyMatch(matches) : values.stream()
                .allMatch(matches);
    }

    /** The grants used so far. */
    public Set<Use> uses() {
        return Set.copyOf(uses);
    }

    /** The first denials (up to 200). */
    public List<Denial> denials() {
        synchronized (denials) {
            return List.copyOf(denials);
        }
    }

    public long deniedCount() {
        return denied.get();
    }
}

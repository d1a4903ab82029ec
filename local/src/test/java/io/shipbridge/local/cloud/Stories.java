package io.shipbridge.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.local.iam.PolicyEvaluator;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end stories (each test class here that brings up an offline cloud) as seen by IAM: each one, when it
 * ends, hands over its cloud's policy evaluators, and no call of any function may have been refused. What they
 * used, together, is what FunctionPoliciesTest sets against the template's grants.
 */
final class Stories {
    /** The classes whose clouds together exercise every function. */
    static final List<Class<?>> ALL = List.of(EndToEndTest.class, OperatorApiTest.class, OnTimeFilesTest.class,
            CanadianSellerTest.class);

    private static final Map<Class<?>, Map<String, PolicyEvaluator>> ENDED = new LinkedHashMap<>();

    private Stories() {
    }

    /** Called by a story's {@code @AfterAll}, before it closes its cloud. */
    static synchronized void ended(Class<?> story, OfflineCloud cloud) {
        if (cloud == null) {
            return;
        }
        ENDED.put(story, cloud.policies());
        List<String> denials = new ArrayList<>();
        cloud.policies().forEach((function, policy) -> policy.denials().forEach(denial -> denials.add(function
                + ": " + denial.message() + " " + denial.call().context())));
        assertThat(denials.stream().distinct().toList())
                .as("AWS calls refused by the functions' IAM policies in " + story.getSimpleName()).isEmpty();
    }

    static synchronized Map<Class<?>, Map<String, PolicyEvaluator>> ended() {
        return new LinkedHashMap<>(ENDED);
    }

    /**
     * Runs a story class as JUnit would, when it has not run in this JVM (a focused run of FunctionPoliciesTest):
     * its {@code @BeforeAll}, each {@code @Test} on a fresh instance, its {@code @AfterAll}.
     */
    static void runIfNotRun(Class<?> story) throws Exception {
        synchronized (Stories.class) {
            if (ENDED.containsKey(story)) {
                return;
            }
        }
        List<Method> tests = new ArrayList<>();
        try {
            invokeAll(story, BeforeAll.class, null);
            for (Method method : story.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Test.class)) {
                    tests.add(method);
                }
            }
            for (Method test : tests) {
                var constructor = story.getDeclaredConstructor();
                constructor.setAccessible(true);
                test.setAccessible(true);
                test.invoke(constructor.newInstance());
            }
        } finally {
            invokeAll(story, AfterAll.class, null);
        }
    }

    private static void invokeAll(Class<?> story, Class<? extends java.lang.annotation.Annotation> annotation,
            Object instance) throws Exception {
        for (Method method : story.getDeclaredMethods()) {
            if (method.isAnnotationPresent(annotation) && Modifier.isStatic(method.getModifiers())) {
                method.setAccessible(true);
                method.invoke(instance);
            }
        }
    }
}

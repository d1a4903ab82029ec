package io.shipbridge.local.cloud;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * What a Lambda handler takes and returns, read from its {@code RequestHandler<I, O>} as the Java runtime reads it.
 * Depends on Lambda's core library only, so the cold-start runner can use it in a JVM holding just the deployed jar.
 */
public final class HandlerTypes {
    private HandlerTypes() {
    }

    /** The I and O of a {@code RequestHandler<I, O>}; Object for a stream handler. */
    public static Class<?>[] requestTypes(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Type implemented : current.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == RequestHandler.class) {
                    return new Class<?>[] {raw(parameterized.getActualTypeArguments()[0]),
                        raw(parameterized.getActualTypeArguments()[1])};
                }
            }
        }
        return new Class<?>[] {Object.class, Object.class};
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
    }
}

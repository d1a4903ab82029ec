package io.shipbridge.storage;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing and where the next one starts: {@code next} is an opaque cursor to pass back, null on the
 * last page.
 */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}

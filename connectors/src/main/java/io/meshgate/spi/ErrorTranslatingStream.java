package io.meshgate.spi;

import static java.util.Objects.requireNonNull;

import java.util.function.UnaryOperator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A batch stream whose failures while reading or closing are rethrown as what {@code translation}
 * makes of them, typically a {@link io.meshgate.error.MeshgateException} with the right code.
 */
public final class ErrorTranslatingStream implements BatchStream {
    private final BatchStream delegate;
    private final UnaryOperator<RuntimeException> translation;

    private ErrorTranslatingStream(BatchStream delegate, UnaryOperator<RuntimeException> translation) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.translation = requireNonNull(translation, "translation is null");
    }

    public static BatchStream wrap(BatchStream delegate, UnaryOperator<RuntimeException> translation) {
        return new ErrorTranslatingStream(delegate, translation);
    }

    @Override
    public boolean next() {
        try {
            return delegate.next();
        } catch (RuntimeException e) {
            throw translation.apply(e);
        }
    }

    @Override
    public VectorSchemaRoot current() {
        return delegate.current();
    }

    @Override
    public void cancel() {
        delegate.cancel();
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } catch (RuntimeException e) {
            throw translation.apply(e);
        }
    }
}

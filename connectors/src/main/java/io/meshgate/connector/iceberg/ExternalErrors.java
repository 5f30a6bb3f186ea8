package io.meshgate.connector.iceberg;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;

/** Turns failures of catalogs, file systems and object stores into Meshgate errors. */
final class ExternalErrors {
    private ExternalErrors() {
    }

    /** {@code failure} as a Meshgate error whose message starts with {@code action}, such as "Cannot read table x". */
    static MeshgateException external(String action, RuntimeException failure) {
        if (failure instanceof MeshgateException meshgate) {
            return meshgate;
        }
        if (failure instanceof UnsupportedOperationException) {
            return new MeshgateException(ErrorCode.NOT_SUPPORTED, action + ": " + rootMessage(failure), failure);
        }
        return new MeshgateException(ErrorCode.EXTERNAL_ERROR, action + ": " + rootMessage(failure), failure);
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

package io.meshgate.server.transport.flight;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/** What every listing command shares: a flight info whose ticket is the command, and a one-batch answer. */
final class MetadataResults {
    private final BufferAllocator allocator;

    MetadataResults(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    static FlightInfo flightInfo(Message command, FlightDescriptor descriptor, Schema schema) {
        Ticket ticket = new Ticket(Any.pack(command).toByteArray());
        return new FlightInfo(schema, descriptor, List.of(new FlightEndpoint(ticket)), -1, -1);
    }

    /** Fills one batch of {@code schema} with {@code fill} (which sets the row count) and sends it. */
    void send(Schema schema, ServerStreamListener listener, Consumer<VectorSchemaRoot> fill) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            root.allocateNew();
            fill.accept(root);
            listener.start(root);
            listener.putNext();
            listener.completed();
        }
    }

    void sendEmpty(Schema schema, ServerStreamListener listener) {
        send(schema, listener, root -> root.setRowCount(0));
    }
}

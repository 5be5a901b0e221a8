package uk.civicpulse.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The one JSON form of the contract's events on Kafka: UTF-8, ISO-8601 instants, unknown fields
 * ignored (so a compatible addition does not break older readers). Thread-safe.
 */
public final class EventCodec {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // Instants written as Instant.toString does (as JavaTimeModule writes them), without its DateTimeFormatter:
            // that was most of the cost of encoding a rating (docs/capture-benchmark.md). Registered later, so it wins.
            .addModule(new SimpleModule("iso-instants").addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
                @Override
                public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                    generator.writeString(IsoInstants.format(value));
                }
            }))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventCodec() {
    }

    public static byte[] encode(Object event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws UndecodableEventException when the bytes are not a well-formed event of the type */
    public static <T> T decode(byte[] bytes, Class<T> type) {
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException | RuntimeException e) {
            throw new UndecodableEventException(type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public static final class UndecodableEventException extends RuntimeException {
        public UndecodableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

package dev.socialticker.ticker.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/** Applies {@link SecretMasking} to every string member of every structured log line. */
public class SecretMaskingLogCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {
    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, SecretMasking::mask));
    }
}

package dev.socialticker.ticker.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The console's encoder: Boot's structured encoder when a structured format is set
 * ({@code logging.structured.format.console}, e.g. {@code ecs}), else Boot's readable pattern.
 * Boot makes the same choice in code when no logback-spring.xml exists; its XML offers the two as
 * separate appenders, and Logback cannot pick one by a property without Janino.
 */
public class ConsoleLogEncoder extends EncoderBase<ILoggingEvent> {
    private String structuredFormat;
    private String pattern;
    private Charset charset;
    private Encoder<ILoggingEvent> delegate;

    public void setStructuredFormat(String structuredFormat) {
        this.structuredFormat = structuredFormat;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        if (structuredFormat != null && !structuredFormat.isBlank()) {
            StructuredLogEncoder structured = new StructuredLogEncoder();
            structured.setFormat(structuredFormat.trim());
            structured.setCharset(charset);
            delegate = structured;
        } else {
            PatternLayoutEncoder readable = new PatternLayoutEncoder();
            readable.setPattern(pattern);
            readable.setCharset(charset);
            delegate = readable;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}

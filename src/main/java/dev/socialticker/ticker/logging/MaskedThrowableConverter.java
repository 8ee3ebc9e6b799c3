package dev.socialticker.ticker.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Boot's {@code %wEx} (a stack trace set off by blank lines), with {@link SecretMasking} applied:
 * an exception's message may quote a URI or a header it was given.
 */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return SecretMasking.mask(super.throwableProxyToString(throwable));
    }
}

package dev.socialticker.ticker;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Runs the annotated method when this service's application context closes, once.
 *
 * <p>Not when the management server's context closes: Spring Boot runs the actuator in a child
 * context on its own port, and a child's {@link ContextClosedEvent} reaches its parent's listeners
 * too. A plain {@code @EventListener(ContextClosedEvent.class)} ran twice on every stop, and on a
 * start that failed (Boot then closes the child alone) it looked its bean up in a context that never
 * finished starting, logging a stack trace under the failure report.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EventListener(value = ContextClosedEvent.class, condition = "#root.event.applicationContext.parent == null")
public @interface WhenTheServiceStops {}

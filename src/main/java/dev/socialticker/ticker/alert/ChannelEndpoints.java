package dev.socialticker.ticker.alert;

/** The alert channels' endpoints, named once here. */
public final class ChannelEndpoints {
    /** Every channel route's id starts so: {@code channel-<name>}. */
    public static final String ROUTE_ID_PREFIX = "channel-";

    private ChannelEndpoints() {}

    /** Where a channel's route starts (body: the {@link Alert}); its id is {@link #routeId}. */
    public static String of(String name) {
        return "direct:" + routeId(name);
    }

    public static String routeId(String name) {
        return ROUTE_ID_PREFIX + name;
    }

    /** The id of the Camel route template behind a channel template: apart from the outputs' ({@code webhook}). */
    public static String templateId(String template) {
        return "channel-template-" + template;
    }
}

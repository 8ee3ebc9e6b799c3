/**
 * The service's JSON, configured once: Camel's Jackson data format over the application's
 * {@code ObjectMapper} (Spring Boot's, so {@code spring.jackson.*} applies to every document).
 * Routes marshal and unmarshal with it by its registry name, {@link
 * dev.socialticker.ticker.json.JsonConfiguration#DATA_FORMAT} ({@code .marshal("json")});
 * {@link dev.socialticker.ticker.json.JsonDocuments} hands the same data format to what renders
 * outside a route: the API's view, rendered once per change so that a read only hands out bytes,
 * and the outputs' own documents.
 */
package dev.socialticker.ticker.json;

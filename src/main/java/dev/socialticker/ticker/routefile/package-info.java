/**
 * What provider files and output files share: a folder of {@code <name>.camel.yaml} files, each parsed
 * with the Camel YAML DSL, checked and installed alone (a bad one is refused with its reason, the
 * others keep running), watched for changes, reported in health; and the typed declaration of a route
 * template's parameters ({@link dev.socialticker.ticker.routefile.TemplateDefinition}) that checks a
 * file's values and renders the guides' tables.
 */
package dev.socialticker.ticker.routefile;

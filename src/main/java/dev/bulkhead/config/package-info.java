/**
 * The stack configuration: {@link dev.bulkhead.config.SettingsParser} turns a {@code Pulumi.<stack>.yaml} file or
 * the Pulumi engine's config into a validated {@link dev.bulkhead.config.StackSettings}, or a
 * {@link dev.bulkhead.config.ConfigException} listing every mistake with its key path. One small reader per config
 * section; the facts of what is valid (patterns, reserved namespaces, TLS policies, retention periods) are named
 * constants of their own classes. The user-facing reference is {@code docs/configuration.md}.
 */
package dev.bulkhead.config;

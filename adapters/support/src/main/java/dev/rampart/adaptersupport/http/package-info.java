/**
 * What Rampart's adapters for web APIs (NetBox, ServiceNow) share: {@link
 * dev.rampart.adaptersupport.http.JsonClient}, which reads JSON objects with retries and explains
 * every failure, the checks of a server's URL, option parsing that collects every mistake, and
 * credentials that never reach a message.
 *
 * <p>For adapters only: the types are public so that adapter modules can use them, not for
 * embedding users, and they may change with any release. Users configure a source through its
 * provider's options.
 */
@NullMarked
package dev.rampart.adaptersupport.http;

import org.jspecify.annotations.NullMarked;

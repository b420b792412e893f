/**
 * Platform: security and staff accounts, API tokens, the hash-chained audit log, the notifications
 * port, the file store, personal-data encryption, one-time codes and rate limits for residents, the
 * web layout with navigation and dashboard extension points, PDF rendering with a Korean font.
 * <p>
 * The types in this package are the module's API; sub-packages are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "플랫폼")
package kr.sotong.platform;

/**
 * Arrow bridge: function results as Arrow IPC streams, decoded into {@link
 * org.funcx.arrow.ArrowTable}s and previewed in notebooks. The public API is this package; {@code
 * org.funcx.arrow.internal.*} may change at any time.
 *
 * <h2>Schema derived from Java types</h2>
 *
 * Every field is nullable; boxed nulls become Arrow nulls.
 *
 * <table>
 *   <caption>Java to Arrow</caption>
 *   <tr><th>Java</th><th>Arrow</th><th>decoded as</th></tr>
 *   <tr><td>boolean</td><td>bool</td><td>Boolean</td></tr>
 *   <tr><td>byte, short, int, long</td><td>int8, int16, int32, int64</td>
 *       <td>same boxed type</td></tr>
 *   <tr><td>float, double</td><td>float32, float64</td><td>Float, Double</td></tr>
 *   <tr><td>char</td><td>uint16</td><td>Character</td></tr>
 *   <tr><td>String</td><td>utf8</td><td>String</td></tr>
 *   <tr><td>enum</td><td>utf8 (constant name)</td><td>String; the enum in toRecords</td></tr>
 *   <tr><td>BigDecimal</td><td>decimal128(38, scale of first batch)</td><td>BigDecimal</td></tr>
 *   <tr><td>Instant</td><td>timestamp[ns, UTC]</td><td>Instant</td></tr>
 *   <tr><td>LocalDateTime</td><td>timestamp[ns] (no zone)</td><td>LocalDateTime</td></tr>
 *   <tr><td>LocalDate</td><td>date32</td><td>LocalDate</td></tr>
 *   <tr><td>UUID</td><td>arrow.uuid extension (fixed_size_binary(16))</td><td>UUID</td></tr>
 *   <tr><td>byte[]</td><td>binary</td><td>byte[]</td></tr>
 *   <tr><td>Collection, other arrays</td><td>list&lt;item&gt;</td>
 *       <td>List; List/Set/array in toRecords</td></tr>
 *   <tr><td>record, POJO, Map&lt;String, ?&gt;</td><td>struct</td>
 *       <td>Map; record in toRecords</td></tr>
 * </table>
 *
 * Declared types are used where they are precise (record components, getter return types, {@code
 * List<Integer>}, array component types); {@code Object}-typed positions and map values are typed
 * from the non-null values of the first record batch, which must share one class. Nested records
 * and POJOs may not contain themselves.
 *
 * <h2>Ownership</h2>
 *
 * The caller owns every {@code BufferAllocator} and stream it passes in. Encoders and decoders
 * allocate from child allocators that they close before returning; an {@code ArrowTable} owns its
 * child allocator and batches until {@code close()}.
 */
package org.funcx.arrow;

/**
 * JMH benchmarks of the hot paths. Build and run from the repository root:
 * <pre>
 *   mvn -B -q package -pl benchmarks -am -DskipTests
 *   java -jar benchmarks/target/benchmarks.jar Filter -f 1 -wi 2 -i 3 -prof gc
 * </pre>
 * {@code -prof gc} reports {@code gc.alloc.rate.norm}, the bytes allocated per operation, which is
 * how an allocation-free path is shown.
 *
 * <p>{@link org.soleus.bench.SyntheticSample} writes the synthetic example session of
 * {@code sample-data/synthetic/}.
 */
package org.soleus.bench;

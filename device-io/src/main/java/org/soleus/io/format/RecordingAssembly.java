package org.soleus.io.format;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.soleus.core.recording.RecordingBuilder;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RowTransform;
import org.soleus.core.recording.SampleSink;

/**
 * The sink {@link Recordings#read} hands a reader: builds the recording through a
 * {@link RowTransform}. Any reader can stream into it as into any sink; a reader that parses a
 * large file in parts ({@link ParallelRowReader}) also gets a sink per part
 * ({@link #startPart}), each with its own transform in front of a {@link ColumnBlock}, and
 * {@link #appendPart appends} the parts in file order.
 *
 * <p>A reader whose own stages stand between its rows and the sink (units converted, channels
 * derived) hands them over with {@link #behindStages}: they then run in front of the transform,
 * per part too when they map every row on its own.
 *
 * <p>{@link #startPart} may be called from several threads at once; everything else belongs
 * to the thread that reads.
 */
final class RecordingAssembly implements SampleSink {
    private final RecordingBuilder builder;
    private final RowTransform transform;
    private final ReadParallelism parallelism;
    private final ReadProgress progress;
    private final RowTransform readerStages;
    private final UnaryOperator<SampleSink> endOfStream;
    private final boolean inParts;
    private SampleSink whole;

    /**
     * @param builder     receives the transformed samples
     * @param transform   applied to every row; its {@link RowTransform#forOneStream} is taken
     * @param parallelism whether and how a reader may parse in parts
     * @param progress    told how far the reader has got
     */
    RecordingAssembly(RecordingBuilder builder, RowTransform transform, ReadParallelism parallelism,
                      ReadProgress progress) {
        this.builder = Objects.requireNonNull(builder, "builder");
        this.transform = Objects.requireNonNull(transform, "transform").forOneStream();
        this.parallelism = Objects.requireNonNull(parallelism, "parallelism");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.readerStages = RowTransform.identity();
        this.endOfStream = UnaryOperator.identity();
        this.inParts = true;
    }

    private RecordingAssembly(RecordingAssembly base, RowTransform readerStages, boolean rowLocal,
                              UnaryOperator<SampleSink> endOfStream) {
        this.builder = base.builder;
        this.transform = base.transform;
        this.parallelism = base.parallelism;
        this.progress = base.progress;
        this.readerStages = Objects.requireNonNull(readerStages, "readerStages");
        this.endOfStream = Objects.requireNonNull(endOfStream, "endOfStream");
        this.inParts = rowLocal;
    }

    /**
     * {@code sink} behind a reader's own stages: when it is an assembly, one that runs
     * {@code stages} in front of its transform (in each part's sink too, when they are
     * {@code rowLocal}; else the stream is read whole), otherwise {@code stages} in front of
     * {@code sink}. Either way {@code endOfStream} wraps the sink of the whole stream, outermost:
     * a stage that only adds to the warnings at the end, which the parts' sinks do not reach.
     *
     * @param rowLocal whether {@code stages}, for this stream's header, map every row on its own
     *                 and count nothing for their warnings (they are wrapped per part without
     *                 {@link RowTransform#forOneStream}, so a count would hold for one part only)
     */
    static SampleSink behindStages(SampleSink sink, RowTransform stages, boolean rowLocal,
                                   UnaryOperator<SampleSink> endOfStream) {
        return sink instanceof RecordingAssembly assembly
                ? new RecordingAssembly(assembly, stages, rowLocal && assembly.inParts, endOfStream)
                : endOfStream.apply(stages.wrap(sink));
    }

    ReadParallelism parallelism() {
        return parallelism;
    }

    /** Whether {@code remainingBytes} left to read are to be parsed in parts. */
    boolean splits(long remainingBytes) {
        return inParts && parallelism.splits(remainingBytes);
    }

    /** Passes on how many bytes of the file have been read. */
    void readUpTo(long bytes) {
        progress.readUpTo(bytes);
    }

    @Override
    public void start(RecordingHeader recordingHeader) {
        whole = endOfStream.apply(readerStages.wrap(transform.wrap(builder)));
        whole.start(recordingHeader);
    }

    @Override
    public void accept(float[] row) {
        whole.accept(row);
    }

    @Override
    public void end(List<String> warnings) {
        whole.end(warnings);
    }

    /**
     * A new sink for one part of the stream: the reader's stages and the transform in front of
     * {@code block}, started with the stream's header (the one this assembly is started with).
     * Call {@link SampleSink#end} on it when the part is done.
     */
    SampleSink startPart(ColumnBlock block, RecordingHeader header) {
        SampleSink part = readerStages.wrap(transform.wrap(block));
        part.start(header);
        return part;
    }

    /**
     * Appends a part's samples, after those of every earlier part.
     *
     * @param block         the part's samples
     * @param expectedTotal the expected number of samples of the whole stream, projected from
     *                      what has been read: the length to grow to if the recording must grow
     */
    void appendPart(ColumnBlock block, long expectedTotal) {
        builder.expectLength((int) Math.min(Integer.MAX_VALUE - 8, expectedTotal));
        builder.acceptColumns(block.columns(), block.length());
    }

    /** Samples in the recording so far. */
    int length() {
        return builder.length();
    }
}

package org.soleus.cli;

import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.events.EventTiming;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --event-timing baseline|load-levels}: where on the insole force's edges heel strike
 * and toe off are placed ({@link EventTiming}), over the timing a recording names (a Moticon
 * export names {@code load-levels}, the timing of its vendor's step markers).
 */
final class EventTimingOption {
    @Option(names = "--event-timing", paramLabel = "T", converter = TimingConverter.class,
            description = "Where heel strike and toe off lie on the insole force: 'baseline' (where the force"
                    + " leaves and rejoins its unloaded level: footswitch timing) or 'load-levels' (where it rises"
                    + " through 3 %% and falls through 12 %% of the contact's height: the timing of Moticon's step"
                    + " markers). Default: the recording's or stream's own (event_timing), else baseline.")
    EventTiming timing;

    /** Whether the option was given. */
    boolean given() {
        return timing != null;
    }

    /** {@code settings} with the timing given, or as they were when none is. */
    GaitSettings apply(GaitSettings settings) {
        return timing == null ? settings : settings.withEventTiming(timing);
    }

    /** Parses a timing's name. */
    static final class TimingConverter implements ITypeConverter<EventTiming> {
        @Override
        public EventTiming convert(String value) {
            try {
                return EventTiming.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}

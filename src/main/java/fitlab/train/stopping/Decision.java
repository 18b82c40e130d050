package fitlab.train.stopping;

import java.util.List;
import java.util.Optional;

/**
 * What {@link EarlyStopping#update} says after an epoch.
 *
 * @param stop       true when training must end now
 * @param reason     why, when {@code stop} is true; empty otherwise
 * @param newMarkers markers that fired at this epoch (also recorded with {@code action: mark})
 */
public record Decision(boolean stop, Optional<StopReason> reason, List<Marker> newMarkers) {

    public Decision {
        if (stop != reason.isPresent()) {
            throw new IllegalArgumentException("a stop needs a reason and only a stop has one");
        }
        newMarkers = List.copyOf(newMarkers);
    }

    static Decision proceed(List<Marker> newMarkers) {
        return new Decision(false, Optional.empty(), newMarkers);
    }

    static Decision stop(StopReason reason, List<Marker> newMarkers) {
        return new Decision(true, Optional.of(reason), newMarkers);
    }
}

package fitlab.config;

/** {@code mark}: train on and mark where early stopping would stop (shows the overfitting it avoids); {@code stop}: stop there. */
public enum StopAction { MARK, STOP }

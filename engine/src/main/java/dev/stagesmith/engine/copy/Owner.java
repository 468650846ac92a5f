package dev.stagesmith.engine.copy;

/** A numeric owner for copied entries, as {@code --chown} resolves to. */
public record Owner(int uid, int gid) {

    public static final Owner ROOT = new Owner(0, 0);

    public Owner {
        if (uid < 0 || gid < 0) {
            throw new IllegalArgumentException("negative owner " + uid + ":" + gid);
        }
    }
}

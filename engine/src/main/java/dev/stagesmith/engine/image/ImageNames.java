package dev.stagesmith.engine.image;

/** Image names as {@code docker load} wants them in RepoTags: {@code name:tag}, never bare, never by digest. */
final class ImageNames {

    private ImageNames() {}

    /** Adds {@code :latest} when the name has no tag; a registry port ({@code host:5000/app}) is not a tag. */
    static String withTag(String imageName) {
        if (imageName == null || imageName.isBlank() || imageName.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("not an image name: '" + imageName + "'");
        }
        if (imageName.contains("@")) {
            throw new IllegalArgumentException("image name " + imageName
                    + " has a digest; an archive needs a name:tag (docker load refuses anything else)");
        }
        String last = imageName.substring(imageName.lastIndexOf('/') + 1);
        if (last.isEmpty() || last.startsWith(":") || last.endsWith(":")) {
            throw new IllegalArgumentException("not an image name: '" + imageName + "'");
        }
        return last.contains(":") ? imageName : imageName + ":latest";
    }
}

package io.clearflow.engine.api;

/** A department or a role: a Flowable IDM group with its type. */
public record OrgUnit(String id, String name, Type type) {

    public enum Type {
        DEPARTMENT("department"),
        ROLE("role");

        private final String groupType;

        Type(String groupType) {
            this.groupType = groupType;
        }

        public String groupType() {
            return groupType;
        }

        public static Type ofGroupType(String groupType) {
            for (Type t : values()) {
                if (t.groupType.equals(groupType)) {
                    return t;
                }
            }
            return null;
        }
    }
}

/// A field both users changed to different values since this user's form
/// read it: named with both values, for the user to choose.
public struct FieldCollision: Hashable, Sendable {
    public var key: String
    public var mine: String
    public var theirs: String

    public init(key: String, mine: String, theirs: String) {
        self.key = key
        self.mine = mine
        self.theirs = theirs
    }
}

/// Merging a form's values by field: what this user changed since `base`
/// (what their form read) goes over `theirs` (what is saved now); a field
/// the other user changed too, to something else, is a collision, never
/// silently decided. Used by the Store (forms that save as you go) and by
/// every form's Ctrl-R re-apply.
public enum FieldMerge {
    /// `merged` holds this user's value for every field they changed
    /// (collisions included, until the user chooses) and theirs elsewhere.
    public static func merge(base: [String: String], theirs: [String: String], mine: [String: String])
        -> (merged: [String: String], collisions: [FieldCollision]) {
        var merged = theirs
        var collisions: [FieldCollision] = []
        for key in Set(mine.keys).union(base.keys).sorted() {
            let m = mine[key] ?? "", b = base[key] ?? "", t = theirs[key] ?? ""
            guard m != b else { continue }
            merged[key] = m
            if t != b && t != m { collisions.append(FieldCollision(key: key, mine: m, theirs: t)) }
        }
        return (merged, collisions)
    }
}

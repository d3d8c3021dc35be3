/// The fourteen youth program elements of WIOA section 129(c)(2), by the
/// number the law and the services matrix give them, in the few words a
/// planner uses for each.
public enum YouthElement {
    public static func name(_ number: Int) -> String {
        switch number {
        case 1: "tutoring"
        case 2: "alternative school"
        case 3: "work experience"
        case 4: "occupational training"
        case 5: "concurrent education"
        case 6: "leadership"
        case 7: "supportive services"
        case 8: "mentoring"
        case 9: "follow-up"
        case 10: "counseling"
        case 11: "financial literacy"
        case 12: "entrepreneurship"
        case 13: "labor market information"
        case 14: "postsecondary transition"
        default: "element \(number)"
        }
    }

    /// "3 work experience, 7 supportive services".
    public static func list(_ numbers: [Int]) -> String {
        numbers.map { "\($0) \(name($0))" }.joined(separator: ", ")
    }
}

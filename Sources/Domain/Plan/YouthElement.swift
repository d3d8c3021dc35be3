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

    /// The element as the regulation names it, for a youth to read (the
    /// customer's copy).
    public static func fullName(_ number: Int) -> String {
        switch number {
        case 1: "Tutoring, study skills training and dropout prevention"
        case 2: "Alternative secondary school or dropout recovery services"
        case 3: "Paid and unpaid work experience"
        case 4: "Occupational skills training"
        case 5: "Education offered together with workforce preparation"
        case 6: "Leadership development"
        case 7: "Supportive services"
        case 8: "Adult mentoring"
        case 9: "Follow-up services"
        case 10: "Comprehensive guidance and counseling"
        case 11: "Financial literacy education"
        case 12: "Entrepreneurial skills training"
        case 13: "Labor market and employment information"
        case 14: "Preparation for and transition to postsecondary education and training"
        default: "Element \(number)"
        }
    }

    /// "3 work experience, 7 supportive services".
    public static func list(_ numbers: [Int]) -> String {
        numbers.map { "\($0) \(name($0))" }.joined(separator: ", ")
    }
}

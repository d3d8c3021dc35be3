import Domain
import GRDB

/// Maps a customer to and from its table row. Dates are stored as ISO text
/// so the file stays readable with the sqlite3 tool.
extension Customer {
    /// The customer table's columns, in the order every query that makes customers selects them first.
    static let columnNames = [
        "id", "legal_name", "preferred_name", "email", "zip", "birth_date", "phone", "is_veteran", "program",
        "planner", "entered_on", "applied_on", "eligible_on", "enrolled_on", "last_contact_on",
        "last_service_on", "exited_on", "employed_on", "version",
    ]
    static let columns = columnNames.joined(separator: ", ")

    /// A row whose first columns are `columns`, in their order (a query may add its own after them), read by
    /// position: GRDB finds a column by name by comparing it with each of the row's, nineteen times a customer.
    init(row: Row) throws {
        func day(_ index: Int) throws -> Day? {
            guard let text: String = row[index] else { return nil }
            guard let d = Day(iso: text) else { throw StoreError.notFound("valid date in customer.\(Self.columnNames[index])") }
            return d
        }
        self.init(
            id: CustomerID(row[0] as Int64),
            legalName: row[1],
            preferredName: row[2],
            email: row[3],
            zip: row[4],
            birthDate: try day(5) ?? Day(ordinal: 0),
            phone: row[6],
            isVeteran: row[7],
            program: (row[8] as String?).flatMap(Program.init(rawValue:)),
            planner: row[9],
            enteredOn: try day(10) ?? Day(ordinal: 0),
            appliedOn: try day(11),
            eligibleOn: try day(12),
            enrolledOn: try day(13),
            lastContactOn: try day(14),
            lastServiceOn: try day(15),
            exitedOn: try day(16),
            employedOn: try day(17),
            version: row[18])
    }

    var rowValues: StatementArguments {
        [id.number, legalName, preferredName, email, zip, birthDate.description, phone, isVeteran,
         program?.rawValue, planner, enteredOn.description, appliedOn?.description,
         eligibleOn?.description, enrolledOn?.description, lastContactOn?.description,
         lastServiceOn?.description, exitedOn?.description, employedOn?.description, version]
    }
}

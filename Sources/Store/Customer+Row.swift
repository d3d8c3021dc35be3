import Domain
import GRDB

/// Maps a customer to and from its table row. Dates are stored as ISO text
/// so the file stays readable with the sqlite3 tool.
extension Customer {
    static let columns = """
        id, legal_name, preferred_name, email, zip, birth_date, phone, is_veteran, program,
        planner, entered_on, applied_on, eligible_on, enrolled_on, last_contact_on,
        last_service_on, exited_on, employed_on, version
        """

    init(row: Row) throws {
        func day(_ column: String) throws -> Day? {
            guard let text: String = row[column] else { return nil }
            guard let d = Day(iso: text) else { throw StoreError.notFound("valid date in customer.\(column)") }
            return d
        }
        self.init(
            id: CustomerID(row["id"]),
            legalName: row["legal_name"],
            preferredName: row["preferred_name"],
            email: row["email"],
            zip: row["zip"],
            birthDate: try day("birth_date") ?? Day(ordinal: 0),
            phone: row["phone"],
            isVeteran: row["is_veteran"],
            program: (row["program"] as String?).flatMap(Program.init(rawValue:)),
            planner: row["planner"],
            enteredOn: try day("entered_on") ?? Day(ordinal: 0),
            appliedOn: try day("applied_on"),
            eligibleOn: try day("eligible_on"),
            enrolledOn: try day("enrolled_on"),
            lastContactOn: try day("last_contact_on"),
            lastServiceOn: try day("last_service_on"),
            exitedOn: try day("exited_on"),
            employedOn: try day("employed_on"),
            version: row["version"])
    }

    var rowValues: StatementArguments {
        [id.number, legalName, preferredName, email, zip, birthDate.description, phone, isVeteran,
         program?.rawValue, planner, enteredOn.description, appliedOn?.description,
         eligibleOn?.description, enrolledOn?.description, lastContactOn?.description,
         lastServiceOn?.description, exitedOn?.description, employedOn?.description, version]
    }
}

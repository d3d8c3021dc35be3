// A writer for the stress and crash tests (Tests/EndToEndTests/ConcurrencyTests):
// one process making edits to a few customers of a shared data file, printing
// each edit only after its transaction committed.
//
//   StressWriter DB TAG CUSTOMERS EDITS
//
// TAG names the writer (its login in the audit trail); CUSTOMERS is a
// comma-separated list of customer numbers. Even edits append a note; odd
// edits change the application's social media, re-reading and trying again
// when another writer changed the customer meanwhile (the one explained
// refusal). Anything else is printed to stderr and ends the process with 1.
import Domain
import Foundation
import Store

let args = CommandLine.arguments
guard args.count == 5, let edits = Int(args[4]) else {
    FileHandle.standardError.write(Data("usage: StressWriter DB TAG CUSTOMERS EDITS\n".utf8))
    exit(2)
}
/// Unbuffered: a line printed is a line the test will read, even after SIGKILL.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
let (path, tag) = (args[1], args[2])
let customers = args[3].split(separator: ",").compactMap { Int64($0) }.map(CustomerID.init)
// An administrator: every writer reaches every customer (whose customers a
// planner reaches is tested in the Store tests).
let user = Staff(login: tag, name: tag, initials: "ST", role: .administrator)
let today = Day(year: 2026, month: 11, day: 23)!

do {
    let store = try CaseloadStore(path: path, actor: tag)
    for i in 0..<edits {
        let id = customers[i % customers.count]
        let mark = "\(tag)-\(i)"
        if i % 2 == 0 {
            try store.addNote(CaseNote(id: 0, customer: id, kind: .general, eventOn: today, enteredOn: today, author: tag,
                                       text: mark), by: user)
            say("note \(mark)")
            continue
        }
        while true {
            guard let file = try store.caseFile(id), let application = file.application else { throw StoreError.notFound("application \(id)") }
            var form = ApplicationForm(application, phone: file.customer.phone)
            form["socialMedia"] = mark
            do {
                try store.saveApplication(form, customer: file.customer, by: user, today: today,
                                          amendReason: file.certification == nil ? nil : "stress test")
                say("app \(mark)")
                break
            } catch StoreError.changedMeanwhile {
                continue
            }
        }
    }
} catch {
    FileHandle.standardError.write(Data("ERROR \(error)\n".utf8))
    exit(1)
}

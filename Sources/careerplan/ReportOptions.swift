import ArgumentParser
import Domain
import Foundation
import Store

/// `--from DATE --to DATE`: a report's period, checked before anything opens.
struct PeriodOption: ParsableArguments {
    @Option(help: ArgumentHelp("The first day of the period (YYYY-MM-DD or MM/DD/YYYY).", valueName: "DATE"))
    var from: String
    @Option(help: ArgumentHelp("The last day of the period.", valueName: "DATE"))
    var to: String

    func validate() throws {
        for (name, value) in [("from", from), ("to", to)] where Day(parsing: value) == nil {
            throw ValidationError("--\(name) must be a date (\(Day.acceptedFormats)), found \"\(value)\"")
        }
        if last < first { throw ValidationError("--to (\(last)) is before --from (\(first))") }
    }

    var first: Day { Day(parsing: from) ?? Day(year: 1970, month: 1, day: 1)! }
    var last: Day { Day(parsing: to) ?? Day(year: 1970, month: 1, day: 1)! }
}

extension DeadlinesReportCommand.Format {
    /// The report in this format, to standard output.
    func write(text: String, json: String, csv: String) {
        switch self {
        case .text: Output.text(text)
        case .json: Output.json(Data(json.utf8))
        case .csv: Output.text(csv)
        }
    }
}

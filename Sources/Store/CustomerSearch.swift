import Domain
import GRDB

/// What `/` searches for, read by whichever way suits it: a name's words
/// from the word index (`WordSearch`), numbers alone by ID (`IDSearch`).
enum CustomerSearch {
    case words(WordSearch)
    case ids(IDSearch)

    /// Nil when nothing searchable was typed (the whole list).
    init?(_ filter: CaseloadFilter) {
        let terms = SearchTerms.typed(filter.search)
        let numbers = terms.filter(SearchTerms.isNumber)
        let ids = numbers.isEmpty ? nil
            : numbers.dropFirst().reduce(CustomerID.ranges(beginning: numbers[0])) { CustomerID.intersection($0, CustomerID.ranges(beginning: $1)) }
        let names = terms.filter { !SearchTerms.isNumber($0) }
        if let search = WordSearch(names, ids: ids, filter) {
            self = .words(search)
        } else if let ids {
            self = .ids(IDSearch(ids: ids, filter: filter))
        } else {
            return nil
        }
    }

    func count(_ db: Database) throws -> Int {
        switch self {
        case .words(let s): try s.count(db)
        case .ids(let s): try s.count(db)
        }
    }

    func page(offset: Int, limit: Int, matches: Int, _ db: Database) throws -> (String, StatementArguments) {
        switch self {
        case .words(let s): s.page(offset: offset, limit: limit, matches: matches)
        case .ids(let s): try s.page(offset: offset, limit: limit, matches: matches, db)
        }
    }

    /// The planner and reach conditions of a filter, on a planner column.
    static func reach(_ filter: CaseloadFilter, column: String) -> ([String], StatementArguments) {
        var conditions: [String] = []
        var args: StatementArguments = []
        if let planner = filter.planner {
            conditions.append("\(column) = ?")
            args += [planner]
        }
        if case .planners(let logins) = filter.reach {
            let sorted = logins.sorted()
            conditions.append("(\(column) IS NULL OR \(column) IN (\(sorted.map { _ in "?" }.joined(separator: ", "))))")
            args += StatementArguments(sorted)
        }
        return (conditions, args)
    }

    /// The filter's planners as conditions on a tally's `planner`, which names the unassigned as ''.
    static func tallyScope(_ filter: CaseloadFilter) -> (String, StatementArguments) {
        var sql = ""
        var args: StatementArguments = []
        if let planner = filter.planner {
            sql += " AND planner = ?"
            args += [planner]
        }
        if case .planners(let logins) = filter.reach {
            let sorted = [""] + logins.sorted()
            sql += " AND planner IN (\(sorted.map { _ in "?" }.joined(separator: ", ")))"
            args += StatementArguments(sorted)
        }
        return (sql, args)
    }
}

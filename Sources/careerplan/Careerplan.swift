import ArgumentParser

@main
struct Careerplan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "careerplan",
        abstract: "Career planning for workforce programs, in the terminal.",
        discussion: """
            With no command, opens the caseload on the data file: --db PATH, else \
            $CAREERPLAN_DB, else ~/.local/share/careerplan/caseload.sqlite.
            """,
        subcommands: [OpenCommand.self, DemoCommand.self, SeedCommand.self,
                      ExportCommand.self, ImportCommand.self, ReportCommand.self, PlanCommand.self, StaffCommand.self, AuditCommand.self, BackupCommand.self, ScreenshotCommand.self, KeysCommand.self, ExitsCommand.self],
        defaultSubcommand: OpenCommand.self
    )
}

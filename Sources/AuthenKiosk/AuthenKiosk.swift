import ArgumentParser

@main
struct AuthenKiosk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authen-kiosk",
        abstract: "Self-service patient authentication for Thai hospitals (NHSO Authen Code).",
        subcommands: [DemoCommand.self, RunCommand.self, ReadCardCommand.self, RightsCommand.self, ConfirmCommand.self, StatusCommand.self, JournalCommand.self, ReportCommand.self, PrintTestCommand.self, SlipPreviewCommand.self, SetPINCommand.self, DoctorCommand.self, GoProductionCommand.self, StopCommand.self, PaletteCommand.self, BenchCommand.self]
    )
}

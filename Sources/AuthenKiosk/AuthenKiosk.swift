import ArgumentParser

@main
struct AuthenKiosk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authen-kiosk",
        abstract: "Self-service patient authentication for Thai hospitals (NHSO Authen Code).",
        subcommands: [ReadCardCommand.self, BenchCommand.self]
    )
}

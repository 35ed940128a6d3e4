// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "authen-kiosk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "authen-kiosk", targets: ["AuthenKiosk"]),
        .executable(name: "thaiid-card-sim", targets: ["ThaiIDCardSim"]),
        .executable(name: "nhso-testzone", targets: ["NHSOTestZoneServer"]),
        .library(name: "SmartCard", targets: ["SmartCard"]),
        .library(name: "ThaiIDCard", targets: ["ThaiIDCard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: [.defaults, "YAML"]),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // System C libraries, reached through pkg-config.
        .systemLibrary(
            name: "CPCSC",
            pkgConfig: "libpcsclite",
            providers: [.apt(["libpcsclite-dev"])]
        ),

        .systemLibrary(name: "CThai", pkgConfig: "libthai", providers: [.apt(["libthai-dev"])]),
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),
        .systemLibrary(name: "CCrypt", pkgConfig: "libxcrypt", providers: [.apt(["libcrypt-dev"])]),
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),

        // The kiosk's camera through ffmpeg (V4L2, or a test pattern / still picture for demos and tests).
        .target(name: "Camera", dependencies: ["Journey"]),

        // ESC/POS: the receipt printers' command bytes, raster bands, status.
        .target(name: "ESCPOS"),

        // Slips: the hospital's template filled in, drawn (Pango + Cairo) or set as text, encoded for
        // ESC/POS, and sent to the printer (USB device, network port, CUPS queue, file).
        .target(name: "Printing", dependencies: ["ESCPOS", "QRCode", "CPangoCairo"]),

        // QR codes (libqrencode): on screen for the QR path, on slips.
        .target(name: "QRCode", dependencies: ["CQREncode"]),

        // PC/SC: contexts, readers, the card watcher, connections and APDU transport.
        .target(name: "SmartCard", dependencies: ["CPCSC"]),

        // The Thai national ID card: its commands, its field layout and their parsing.
        .target(name: "ThaiIDCard", dependencies: ["SmartCard"]),

        // A virtual Thai ID card that answers APDUs, and its link to vsmartcard's vpcd driver.
        .target(name: "VirtualThaiIDCard", dependencies: ["ThaiIDCard"]),

        // NHSO: typed models of its APIs, and the client (cloud API with the kiosk token, or the local
        // Secure Smartcard Agent).
        .target(
            name: "NHSO",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // A faithful stand-in for NHSO's test zone: population, rules, HTTP routes.
        .target(
            name: "NHSOTestZone",
            dependencies: [
                "NHSO",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Resources/population.json")]
        ),

        // The patient journey as a pure state machine: (state, event) -> (state, effects).
        .target(name: "Journey", dependencies: ["ThaiIDCard", "NHSO"]),

        // The durable journal of visits (SQLite, WAL, 0600): written before NHSO is asked, read by recovery.
        .target(name: "VisitJournal", dependencies: ["Journey", "NHSO", .product(name: "GRDB", package: "GRDB.swift")]),

        // The registration counter's workbench: staff sign-in and NHSO's staff menus, as a pure reducer.
        .target(name: "Workbench", dependencies: ["Journey", "NHSO"]),

        // Reports over the journals: filters, totals, and exports for Excel (CSV with a BOM, XLSX).
        .target(name: "Reports", dependencies: ["Journey", "NHSO", "ThaiIDCard", "VisitJournal", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),

        // Screens as cell grids (Thai-aware widths and word breaking), text catalogs, and the thin
        // ncurses driver that copies a grid to the terminal.
        .target(name: "TerminalUI", dependencies: ["Journey", "Workbench", "QRCode", "CThai", "CNCursesW"]),

        .executableTarget(
            name: "NHSOTestZoneServer",
            dependencies: [
                "NHSOTestZone",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .executableTarget(
            name: "ThaiIDCardSim",
            dependencies: [
                "VirtualThaiIDCard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The app: the effects the journey asks for (card sources, NHSO, printing, the journal), recovery,
        // services assembled from the configuration, and the terminal runtime.
        .target(
            name: "KioskApp",
            dependencies: [
                "SmartCard", "ThaiIDCard", "VirtualThaiIDCard", "NHSO", "Journey", "Workbench", "Reports", "TerminalUI", "KioskConfig", "VisitJournal", "Camera", "Printing",
                "CSystemd",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),

        .executableTarget(
            name: "AuthenKiosk",
            dependencies: [
                "Camera",
                "SmartCard",
                "ThaiIDCard",
                "NHSO",
                "NHSOTestZone",
                "Journey",
                "TerminalUI",
                "VirtualThaiIDCard",
                "KioskConfig",
                "KioskApp",
                "VisitJournal",
                "Printing",
                "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),

        // The kiosk's configuration file: read, checked, and turned into typed settings.
        .target(
            name: "KioskConfig",
            dependencies: [
                "Camera",
                "Journey",
                "ThaiIDCard",
                "NHSO",
                "Printing",
                "SmartCard",
                "CCrypt",
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),

        .testTarget(name: "SmartCardTests", dependencies: ["SmartCard"]),
        .testTarget(name: "KioskConfigTests", dependencies: ["KioskConfig", "Journey", "NHSO", "Printing"]),
        .testTarget(name: "JourneyTests", dependencies: ["Journey", "VirtualThaiIDCard"]),
        .testTarget(
            name: "VisitJournalTests",
            dependencies: ["VisitJournal", "Journey", "NHSO", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "KioskAppTests",
            dependencies: ["KioskApp", "Journey", "NHSO", "NHSOTestZone", "VisitJournal", "ThaiIDCard", "VirtualThaiIDCard", "Camera", "Printing", "ESCPOS"]
        ),
        .testTarget(name: "ESCPOSTests", dependencies: ["ESCPOS"]),
        .testTarget(name: "WorkbenchTests", dependencies: ["Workbench", "Journey", "NHSO"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "VisitJournal", "Journey", "NHSO"]),
        .testTarget(name: "PrintingTests", dependencies: ["Printing", "ESCPOS", "QRCode"], resources: [.copy("Resources")]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "Journey", "QRCode", "VirtualThaiIDCard"]),
        .testTarget(
            name: "NHSOTests",
            dependencies: ["NHSO", "NHSOTestZone", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .testTarget(name: "ThaiIDCardTests", dependencies: ["ThaiIDCard", "VirtualThaiIDCard"]),
        // Real pcscd + vsmartcard vpcd + the thaiid-card-sim and authen-kiosk executables.
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "SmartCard", "ThaiIDCard", "VirtualThaiIDCard", "NHSO", "Journey", "VisitJournal", "TerminalUI",
                "AuthenKiosk", "ThaiIDCardSim", "NHSOTestZoneServer", "ESCPOS",
            ]
        ),
    ]
)

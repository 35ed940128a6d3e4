/// Readers that are programs, not devices: vsmartcard's vpcd ("Virtual PCD 00 00", which takes a card
/// from anyone who can reach its TCP port), and the like. A kiosk that makes real claims refuses them.
public enum VirtualReader {
    public static func isVirtual(_ readerName: String) -> Bool {
        let name = readerName.lowercased()
        return name.contains("virtual") || name.contains("vpcd") || name.contains("vsmartcard")
    }
}

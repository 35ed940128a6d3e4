import Journey

/// What a button does when tapped: the journey event it sends.
public typealias UIAction = JourneyEvent

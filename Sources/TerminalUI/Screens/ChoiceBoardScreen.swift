import Journey

extension Screen {
    /// A group of numbered choices on a choice board.
    struct BoardGroup {
        var labels: [String]
        var columns: Int
        /// Beside the group's first row, where its buttons leave room.
        var hint: String?
    }

    /// A choice board from row 4: each group's buttons in its columns, numbered across the board, the
    /// chosen ones green, the focused one yellow; then the number typed, Back and Continue. Buttons are
    /// three rows tall where the screen allows, two on 80×24.
    mutating func choiceBoard(_ board: ChoiceBoard, groups: [BoardGroup], continueLabel: String) {
        let rowsNeeded = groups.map { ($0.labels.count + $0.columns - 1) / $0.columns }.reduce(0, +) + 1
        let h = max(2, min(3, (height - 6) / rowsNeeded))
        var row = 4
        for (groupIndex, group) in groups.enumerated() {
            let gap = 1
            let cellWidth = (width - 4 - gap * 2) / 3
            for (item, label) in group.labels.enumerated() {
                let index = board.index(group: groupIndex, item: item)
                grid.button("\(index + 1) \(label)", action: .select(index), row: row + (item / group.columns) * h,
                            column: 2 + (item % group.columns) * (cellWidth + gap), width: cellWidth, height: h, minimumHeight: 2,
                            selected: board.chosen[groupIndex] == item, focused: board.focus == index)
            }
            if let hint = group.hint, group.columns < 3 {
                grid.put(hint, row: row + h / 2, column: 2 + group.columns * (cellWidth + gap), style: .muted)
            }
            row += (group.labels.count + group.columns - 1) / group.columns * h
        }
        let typed = board.typed.isEmpty ? t("proxy.numberHint") : t("proxy.typed", ["number": board.typed])
        grid.putCentered(typed, row: row, style: board.typed.isEmpty ? .muted : .emphasis)
        let buttonWidth = min(30, (width - 6) / 2)
        grid.button(t("common.back"), action: .back, row: row + 1, column: width / 2 - buttonWidth - 1, width: buttonWidth, height: h, minimumHeight: 2)
        grid.button(continueLabel, action: .select(board.continueIndex), row: row + 1, column: width / 2 + 1,
                    width: buttonWidth, height: h, minimumHeight: 2, selected: board.isComplete, focused: board.focus == board.continueIndex)
    }
}

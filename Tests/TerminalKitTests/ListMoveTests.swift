import Testing
import TerminalKit

@Suite struct ListMoveTests {
    @Test func movesByOneAndStaysInTheList() {
        #expect(ListMove.index(0, key: .down, count: 3) == 1)
        #expect(ListMove.index(2, key: .char("j"), count: 3) == 2)
        #expect(ListMove.index(0, key: .up, count: 3) == 0)
        #expect(ListMove.index(1, key: .char("k"), count: 3) == 0)
        #expect(ListMove.index(0, key: .down, count: 0) == 0)
        #expect(ListMove.index(0, key: .enter, count: 3) == nil)
    }

    @Test func pagesOnlyWhereOffered() {
        #expect(ListMove.index(0, key: .pageDown, count: 30) == nil)
        #expect(ListMove.index(0, key: .pageDown, count: 30, page: 10) == 10)
        #expect(ListMove.index(25, key: .pageDown, count: 30, page: 10) == 29)
        #expect(ListMove.index(5, key: .pageUp, count: 30, page: 10) == 0)
    }

    @Test func homeAndEndGoToTheEnds() {
        #expect(ListMove.index(5, key: .home, count: 9) == 0)
        #expect(ListMove.index(5, key: .end, count: 9) == 8)
        #expect(ListMove.index(0, key: .end, count: 0) == 0)
    }

    @Test func theWindowKeepsTheSelectionInViewAndTheListEndAtTheBottom() {
        #expect(ListMove.firstVisible(selected: 0, count: 30, height: 10) == 0)
        #expect(ListMove.firstVisible(selected: 15, count: 30, height: 10) == 6)
        #expect(ListMove.firstVisible(selected: 29, count: 30, height: 10) == 20)
        #expect(ListMove.firstVisible(selected: 3, count: 5, height: 10) == 0)
        #expect(ListMove.clamped(7, count: 3) == 2)
        #expect(ListMove.clamped(2, count: 0) == 0)
    }
}

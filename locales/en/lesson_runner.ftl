# The lesson runner's checks of a lesson's claims blocks, and the screens
# of a lesson in the terminal (src/lesson/claims*.rs, src/lesson/interactive.rs).

## Claims blocks: reading them

lesson-example-contains = contains = ["0.298371109", "E_total = 0.298371109"]
lesson-example-command = command = "net mazur --steps 2"
lesson-example-hand = hand = {"{"} "0.3775" = "0.15*0.05 + 0.20*0.10 + 0.35" {"}"}
lesson-holds-hand = a table of numbers in quotes, each = its arithmetic in quotes
lesson-syntax-claims = write one key = value a line, text in quotes: contains = ["…"], command = "…", hand = {"{"} "0.3775" = "…" {"}"}
lesson-part-claim = claim { $number }
lesson-claims-option = unknown option '{ $option }' of a claims block
lesson-claims-option-hint = write the fence as ```claims
lesson-claims-nothing = this claims block claims nothing
lesson-claims-nothing-hint = add contains = ["…"] (texts of the output) or hand = {"{"} "NUMBER" = "ARITHMETIC" {"}"}
lesson-claims-command-unused = command is run only to check the texts of contains
lesson-claims-command-unused-hint = add contains = ["…"], or remove the command
lesson-claims-no-command = a claims block with contains comes after the stepgrad block whose output it checks
lesson-claims-no-command-hint = put it after that block in the same section, or name the command: command = "…"
lesson-hand-not-a-number = hand: '{ $number }' is not a number written with digits
lesson-hand-unreadable = hand: { $problem }
lesson-hand-unreadable-hint = write the arithmetic of numbers as for stepgrad diff, e.g. "0.15*0.05 + 0.20*0.10 + 0.35"
lesson-hand-variable = hand: { $arithmetic } has the variable { $variable }
lesson-hand-no-value = hand: { $arithmetic } has no value: { $reason }

## Claims blocks: checking them

lesson-claim-missing = the lesson claims '{ $text }', but { $command } does not print it
lesson-claim-missing-hint = run the command, and make the prose and its claim say what it prints
lesson-hand-wrong = the lesson works out { $number } as { $arithmetic }, but that gives { $value }
lesson-hand-wrong-hint = correct the number in the prose and in the claim, or the arithmetic

## A lesson in the terminal, one screen at a time

# Marks the heading of a screen that continues a page.
lesson-continued = continued
lesson-screen-of = screen { $screen } of { $screens }
# Said at [q]: $command opens the lesson at the section left.
lesson-resume = To continue from here: { $command }
lesson-from-range = --from { $from }: { $lesson } has sections 1 to { $sections }
lesson-from-range-hint = give a section from 1 to { $sections }, or leave --from out to start at the beginning
lesson-from-list = --from belongs to a lesson, not to the list
lesson-from-list-hint = give the lesson's number: stepgrad lesson 5 --from 3

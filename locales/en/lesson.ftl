# The lesson runner's own words: the pages around a lesson's text, the
# exercises' verdicts, the list of lessons, and every mistake in a lesson
# file (src/lesson/).

## Pages

lesson-title = Lesson { $number } · { $title }
lesson-objectives = In this lesson you will
lesson-exercise = Exercise
lesson-hint = Hint { $number }
lesson-solution = Solution
lesson-solutions = Solutions
lesson-derivative-is = stepgrad's derivative
lesson-finished = End of lesson { $number }.
lesson-next = Next: stepgrad lesson { $number }
lesson-section-of = section { $section } of { $sections }
lesson-navigation = [Enter] next · [b] back · [q] quit
lesson-navigation-last = [Enter] finish · [b] back · [q] quit

## The list of lessons

lesson-list-title = stepgrad lessons
lesson-list-intro = Nine lessons on how neural networks learn. Each idea is shown by running stepgrad on a worked example, and stepgrad checks your answers to the exercises. In a terminal a lesson goes one section at a time.
lesson-list-start = Start the first lesson with: stepgrad lesson 1
lesson-list-other-language = In Korean: stepgrad lesson 1 --lang ko
lesson-list-own-file = Your own lesson file (format: docs/lessons.md): stepgrad lesson my-lesson.md

## Answering an exercise

lesson-answer-prompt = Your answer ([?] hint · [s] solution · [Enter] skip):{" "}
lesson-right = ✓ Right.
lesson-not-yet = ✗ Not yet.
lesson-too-large = It is too large.
lesson-too-small = It is too small.
lesson-your-value = Your answer gives { $value }.
lesson-twice-the-answer = It is twice the right value: is a factor ½ missing?
lesson-half-the-answer = It is half the right value: is a factor 2 missing?
lesson-sign-flipped = Its size is right, but its sign is not.
lesson-close-digits = Close — give { $digits } significant digits.
lesson-digits-wanted = ({ $digits } significant digits)
lesson-choose = Answer with the number of a choice (1 to { $count }) or its text.
lesson-prediction-prompt = Your prediction (1–{ $count } · [Enter] skip):{" "}
lesson-prediction-wrong = ✗ Not this time: the output shows choice { $number }, { $choice }.
lesson-at-point = At { $point } the derivative is { $expected }; your answer gives { $answer }.
lesson-likely-mistake = Likely mistake: { $mistake }.
lesson-needs-number = Answer with a number (or arithmetic such as 2 - 0.1*4).
lesson-no-more-hints = No more hints: [s] shows the solution.
lesson-undecided = stepgrad could not decide this answer: { $reason }.
lesson-undefined = undefined
lesson-answered = (answered)
# An answer with a typo, and what the parser says of it.
lesson-answer-unreadable = { $problem } (in your answer)
lesson-expression-unreadable = { $expr } cannot be read
lesson-terminal-failed = the terminal: { $error }

## Running the lesson's commands

lesson-command-failed = this command failed while the lesson ran: { $error }
lesson-command-failed-hint = run the command on its own to see the whole message, and fix it in the lesson
lesson-shows-missing = the output of the exercise's command (line { $exercise }) does not show '{ $shows }': stepgrad { $command }
lesson-shows-missing-hint = the answer the lesson gives must be what the command prints: run it, then correct the answer or shows
lesson-unknown-kind = kind = "{ $kind }" is not a kind of exercise
lesson-unknown-kind-hint = the one kind is kind = "predict"; without kind, an exercise asks for a derivative or a number
lesson-prediction-key = { $key } belongs to predict exercises
lesson-prediction-key-hint = add kind = "predict", or leave { $key } out
lesson-not-of-prediction = { $key } does not belong to a predict exercise
lesson-not-of-prediction-hint = a predict exercise has choices, answer (the number of the right choice), run, shows and explanation
lesson-prediction-needs = a predict exercise needs { $key }
lesson-too-few-choices = a predict exercise needs two choices or more
lesson-answer-not-a-choice = answer = { $value } is not the number of a choice (1 to { $count })
lesson-answer-not-a-choice-hint = in a predict exercise, answer is the number of the right choice, counting from 1
lesson-shows-empty = shows needs at least one text the output contains, none of them empty
lesson-digits-of-derivative = digits belongs to numeric exercises
lesson-digits-and-tolerance = give digits or tolerance, not both
lesson-digits-and-tolerance-hint = digits = 4 asks for 4 significant digits and accepts the answer rounded to them; tolerance accepts any value that close
lesson-digits-range = digits = { $value } is not between 1 and 15
lesson-digits-range-hint = a 64-bit number holds at most { $most } significant digits; for example digits = 4

## Mistakes in a lesson file: the front matter

lesson-no-front-matter = a lesson begins with its front matter between two '+++' lines
lesson-opening =
    start the file with
    +++
    number = 1
    title = "How a network learns"
    objectives = ["…"]
    +++
lesson-front-matter-not-dashes = the front matter is TOML between '+++' lines, not '---': { $opening }
lesson-front-matter-open = the front matter is not closed
lesson-front-matter-open-hint = end it with a line holding only '+++'
lesson-front-matter-missing = the front matter has no { $key }
lesson-add-line = add a line { $line }
lesson-for-example = for example { $example }
lesson-number-range = number = { $number }: a lesson's number is from 1 to { $max }
lesson-title-one-line = the title is one line
lesson-no-objectives = the list of objectives is empty
lesson-no-objectives-hint = give at least one: what the student will be able to do
lesson-empty = { $what } is empty
lesson-part-title = the title
lesson-part-objective = objective { $number }
lesson-part-question = the question
lesson-part-hint = hint { $number }
lesson-part-solution = the solution
lesson-part-choice = choice { $number }
lesson-part-explanation = the explanation

## The TOML of the front matter and of exercises

# A line that sets each key, for hints.
lesson-example-number = number = 3
lesson-example-title = title = "Gradient descent on one weight"
lesson-example-objectives = objectives = ["Apply the update rule by hand"]
lesson-example-question = question = "What is the new weight?"
lesson-example-derivative = derivative = "x^2*exp(x)"
lesson-example-wrt = wrt = "x"
lesson-example-answer = answer = 1.6
lesson-example-tolerance = tolerance = 1e-3
lesson-example-hints = hints = ["The update is w − α·dE/dw.", "2 − 0.1·4"]
lesson-example-solution = solution = "w ← 2 − 0.1·4 = 1.6"
lesson-example-digits = digits = 4
lesson-example-kind = kind = "predict"
lesson-example-choices = choices = ["up", "down", "stays the same"]
lesson-example-run = run = "minimize \"x^2\" --start x=3 --lr 0.1 --steps 1"
lesson-example-shows = shows = ["5.76"]
lesson-example-explanation = explanation = "The slope at x = 3 is positive, so the step goes left and f goes down."
lesson-holds-digits = a whole number of significant digits, 1 to 15
lesson-holds-command = a stepgrad command in quotes
lesson-holds-number = a whole number of 1 or more
lesson-holds-title = one line of text in quotes
lesson-holds-texts = a list of texts in quotes
lesson-holds-text = text in quotes
lesson-holds-expression = an expression in quotes
lesson-holds-variable = a variable's name in quotes
lesson-holds-a-number = a number
lesson-holds-tolerance = a number between 0 and 1
lesson-syntax-front-matter = write one key = value a line, text in quotes: number = 3, title = "…", objectives = ["…", "…"]
lesson-syntax-exercise = write one key = value a line, text in quotes: question = "…", answer = 1.6, hints = ["…"]
lesson-unknown-key = unknown { $block ->
        [front-matter] front-matter
        [claims] claims
       *[exercise] exercise
    } key '{ $key }'
lesson-did-you-mean-key = did you mean { $meant }? The keys are { $keys }
lesson-the-keys-are = the keys are { $keys }
lesson-key-twice = '{ $key }' is given twice
lesson-key-twice-hint = give each key of the { $block ->
        [front-matter] front matter
        [claims] claims block
       *[exercise] exercise
    } once
lesson-wrong-type = { $key } must be { $holds }
lesson-not-toml = the { $block ->
        [front-matter] front matter
        [claims] claims block
       *[exercise] exercise
    } is not valid TOML: { $problem }
lesson-colon-not-equals = a key is set with '=', not ':'; { $syntax }

## Exercises

lesson-no-question = this exercise has no question
lesson-derivative-and-answer = an exercise asks for a derivative or for a number, not both
lesson-derivative-and-answer-hint = keep either derivative or answer
lesson-nothing-asked = this exercise says neither what to differentiate nor the answer
lesson-nothing-asked-hint = add derivative = "EXPR" (and wrt = "V"), or answer = NUMBER
lesson-tolerance-of-derivative = tolerance belongs to numeric answers
lesson-tolerance-of-derivative-hint = derivatives are checked exactly; remove the tolerance
lesson-derivative-unreadable = derivative: { $problem }
lesson-derivative-unreadable-hint = write the expression as for stepgrad diff
lesson-wrt-absent = wrt: '{ $wrt }' does not occur in { $expr }
lesson-no-variable-hint = { $expr } has no variable; ask for the derivative of an expression in one
lesson-the-variables-are = the variables are { $variables }
lesson-no-variable = { $expr } has no variable to differentiate by
lesson-no-variable-to-differentiate-hint = ask for the derivative of an expression in a variable, e.g. derivative = "x^3"
lesson-several-variables = { $expr } has { $count } variables, so say which one
lesson-several-variables-hint = add a line wrt = "{ $first }" (one of { $variables })
lesson-wrt-of-number = wrt belongs to derivative exercises
lesson-wrt-of-number-hint = remove it, or ask for a derivative
lesson-answer-not-finite = answer = { $value } is not a finite number
lesson-answer-not-finite-hint = write the number, e.g. answer = 1.6
lesson-tolerance-range = tolerance = { $value } is not between 0 and 1
lesson-tolerance-range-hint = for example tolerance = 1e-3 (relative to the answer)
lesson-too-many-hints = an exercise has at most two hints
lesson-too-many-hints-hint = fold the rest into the solution

## The body: sections and fenced blocks

lesson-no-section = the lesson has no section
lesson-no-section-hint = divide the lesson into sections with '## ' headings
lesson-block-open = this fenced block is never closed
lesson-block-open-hint = end it with a line holding only ```
lesson-heading-level = only '## ' (a section) and '### ' headings belong in a lesson
lesson-heading-level-hint = the lesson's title is the front matter's title; start sections with '## '
lesson-exercise-option = unknown option '{ $option }' of an exercise block
lesson-exercise-option-hint = write the fence as ```exercise
lesson-command-option = unknown option '{ $option }' of a stepgrad block
lesson-command-option-hint = the only option is expect-error: ```stepgrad expect-error
lesson-quote-open = this quote is never closed
lesson-quote-open-hint = close the quote on the same line
lesson-no-command = a line with 'stepgrad' and no command
lesson-no-command-hint = write the command, e.g. diff "x^2"
lesson-empty-block = this stepgrad block has no command
lesson-empty-block-hint = write one command a line, e.g. diff "x^2" --at x=3

# `stepgrad lesson N` for a number beyond the course.
lesson-no-such-lesson = there is no lesson { $number }: the lessons are numbered 1 to { $count }
lesson-no-such-lesson-hint = stepgrad lesson lists them

# A lesson file's command block that stepgrad cannot run.
lesson-block-command-forbidden = '{ $name }' cannot run inside a lesson
lesson-block-command-forbidden-hint = use the other commands: diff, check, net, graph, minimize, train, epochs
lesson-block-option-forbidden = { $option } is not allowed in a lesson
lesson-block-writes-files = lessons do not write files
lesson-block-sets-language = the lesson runner gives every command the lesson's language
lesson-block-sets-colour = the lesson runner sets colour for every command
# $finding: what the command line says of the block's command.
lesson-block-refused = stepgrad { $command }: { $finding }
lesson-block-unknown-command-hint = the commands are diff, check, net, graph, minimize, train and epochs
lesson-block-refused-hint = try the command on its own, with --help

# Words shared by every command.

lang-name = English

# The words before an error message and its hint.
label-error = error
label-hint = hint

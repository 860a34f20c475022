# Words shared by every command.

lang-name = English

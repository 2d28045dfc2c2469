"""The phase plans' pages: the list and a plan's page with its steps (`plans`), the selection
screen and the attention points taken up (`selection`), the PDF and the comparison
(`documents`)."""

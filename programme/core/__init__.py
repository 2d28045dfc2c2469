"""The programme itself: its phases and steering forms, the roles people hold in it ("Mensen en
rollen") and their invitations. Imports neither programme.din nor the partners or governance
apps: they build on this."""

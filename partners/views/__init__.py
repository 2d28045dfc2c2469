"""The partners pages, one module per part: the list and its export (`lists`), one partner's
page and its history (`detail`), 'My organisation' (`mine`), the organisation's details and
activity (`organisation`), commitments (`commitments`), the delegation (`delegation`) and the
import (`imports`). HTTP only: they name the object through `avk.shortcuts` and call a service
or a selector; the services ask the policy."""

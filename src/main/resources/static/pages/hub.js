// The hub's GraphQL API as the pages call it: only the trusted documents of
// graphql/operations/, sent by id, with the session's bearer token.

export class HubError extends Error {
  constructor(classification, message) {
    super(message);
    this.classification = classification;
  }
}

export class Hub {
  constructor(session) {
    this.session = session;
    this.documentIds = null;
  }

  async idOf(operationName) {
    if (!this.documentIds) {
      // revalidated (the hub answers an ETag): after a deploy the ids change with the documents
      const response = await fetch('/graphql/trusted-documents.json', { cache: 'no-cache' });
      if (!response.ok) {
        throw new HubError('UNAVAILABLE', 'The hub is not answering. Try again in a moment.');
      }
      const manifest = await response.json();
      this.documentIds = new Map(manifest.operations.map((operation) => [operation.name, operation.id]));
    }
    const id = this.documentIds.get(operationName);
    if (!id) {
      throw new HubError('UNAVAILABLE', 'This page is out of date: reload it.');
    }
    return id;
  }

  async post(operationName, variables) {
    return fetch('/graphql', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
        Authorization: 'Bearer ' + (await this.session.token()),
      },
      body: JSON.stringify({
        documentId: 'sha256:' + (await this.idOf(operationName)),
        operationName,
        variables,
      }),
      credentials: 'omit',
      cache: 'no-store',
    });
  }

  /** Runs the named operation; answers its data, or throws a HubError the page can show. */
  async run(operationName, variables = {}) {
    let response = await this.post(operationName, variables);
    if (response.status === 401) {
      await this.session.renew();
      response = await this.post(operationName, variables);
    }
    if (response.status === 429) {
      throw new HubError('RATE_LIMITED', 'Too many requests: wait a moment and try again.');
    }
    let body;
    try {
      body = await response.json();
    } catch (notJson) {
      throw new HubError('UNAVAILABLE', 'The hub did not answer. Try again in a moment.');
    }
    if (body.errors?.length) {
      const first = body.errors[0];
      throw new HubError(first.extensions?.classification ?? 'ERROR', first.message ?? 'The hub refused this.');
    }
    if (!body.data) {
      throw new HubError('UNAVAILABLE', 'The hub did not answer. Try again in a moment.');
    }
    return body.data;
  }
}

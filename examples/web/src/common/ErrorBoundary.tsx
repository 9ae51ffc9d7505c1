import { Component, type ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';

interface ErrorBoundaryState {
  error: Error | null;
}

/** Shows a render error (e.g. a filter the store rejected before any request) instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div>
        <ErrorMessage error={this.state.error} title="Something went wrong" />
        <button type="button" className="sk-button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
